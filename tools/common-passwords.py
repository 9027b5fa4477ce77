#!/usr/bin/env python3
"""Writes src/PeerInterview.Web/Accounts/common-passwords.txt: the list of commonly used passwords the app refuses.

Each line is a lower-case base form. The app compares a candidate password lower-cased, and again with its trailing
digits and symbols stripped, so "Password123!" and "password" both match "password": the digit and symbol suffixes
people add ("1", "123", "!", "2024") need no lines of their own. The list is written from well-known patterns
(no internet here): the most used passwords, words, names, sports, places, keyboard walks, sequences and repeats,
with common letter-for-symbol swaps. Run: python3 tools/common-passwords.py
"""
import itertools
import pathlib

TOP = """password passw0rd p@ssword p@ssw0rd pass passwort motdepasse contrasena qwerty qwertyuiop letmein iloveyou
welcome admin administrator root toor login master monkey dragon shadow sunshine princess football baseball
basketball soccer hockey superman batman spiderman trustno1 whatever freedom secret default changeme test testing
guest user access hello abc abcd abcdef abcdefg abcdefgh abc123 starwars pokemon naruto michael jordan jennifer
hunter ranger buster tigger charlie thomas robert daniel matthew andrew joshua harley ginger summer winter spring
autumn fall monday friday sunday january february march april may june july august september october november
december computer internet google facebook twitter instagram linkedin microsoft windows apple samsung iphone
android yahoo hotmail gmail outlook love lovely loveme iloveu lover sexy killer cheese cookie chocolate banana
orange purple yellow silver golden diamond blessed jesus christ heaven angel angels flower flowers butterfly
family forever friends friend happy smile mother father sister brother mustang ferrari porsche corvette
mercedes harley chelsea arsenal liverpool barcelona madrid juventus yankees cowboys lakers eagles patriots
steelers dolphins packers redsox tiger tigers lion lions bear bears wolf wolves eagle falcon phoenix maverick
thunder lightning matrix hacker zxcvbnm asdfghjkl qazwsx qwerasdf 1qaz2wsx zaq12wsx qweasdzxc asdasd qweqwe
zxczxc aaaaaa abcabc passpass letmeinnow openup opensesame nothing anything something everything private
security secure safety hospital clinic health healthcare nurse doctor medical patient recovery support peer
peersupport peerinterview interview interviewer hiring manager human resources staff employee office work
company business payroll company123 qwerty123 password1 welcome1 admin123 root123 test123 demo demo123 temp
temporary newpassword oldpassword mypassword yourpassword letmein1 startrek gandalf mordor hobbit frodo
football1 soccer1 baseball1 hannah jessica ashley amanda samantha sarah elizabeth nicole taylor lauren
""".split()

WORDS = """about above after again against almost alone along already always america amazing animal another
answer apple around autumn baby back ball banana beach beautiful because bed before begin best better big bird
birthday black blue boat body book boss bottle box boy brain bread bright brown building butter cake call camera
candy captain car card care carrot castle cat chair change cheese cherry chicken child children city class clean
clock cloud coffee cold college color computer cool country cowboy crazy cream dance dark daughter day dead dear
december desert desk dinner doctor dog dollar door dream dress drink driver earth east easy egg energy engine
evening faith family farm fast father fire fish flag floor flower food forest freedom friend fruit funny game
garden gate ghost gift girl glass god gold good grace grand grass great green guitar hair hand happy heart hello
history holiday home honey horse hospital hotel house ice island jelly jewel juice jungle key king kitchen kitty
knight lady lake laptop lemon letter life light little london love lucky magic mango market marriage milk money
monkey moon morning mother mountain mouse music nature night ninja north number ocean office orange paper paris
party peace pencil people pepper phone picture pizza planet player police power pretty prince princess purple
queen rabbit rain rainbow red river road rock rocket rose royal sand school sea season secret shadow ship shoe
silver simple singer sister sky sleep smile snow soccer soldier song south space spring star station stone storm
street strong student sugar summer sun sunday sunset super sweet table teacher team tennis thunder ticket tiger
time today tomato tower town toy train travel tree truck truth turtle uncle unicorn valley victory village
violet water weather wedding welcome west white wind window winner winter wizard woman wonder world yellow young
zebra access action admin agent alpha beta gamma delta omega sigma zeus apollo athena hercules legend legacy
hero heroes warrior viking spartan ninja samurai pirate cowboy soldier sniper hunter killer ranger rebel rider
""".split()

NAMES = """james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony
mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob
gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe
bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
philip louis mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura
cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella
theresa diana natalie brittany charlotte marie kayla alexis lori avery morgan indy harper riley casey taylor
jamie alex sam charlie max buddy bella daisy lucy molly bailey maggie sophie chloe sadie lola zoe luna oliver
leo milo rocky duke bear tucker jake toby coco ginger pepper oscar simba nala snoopy garfield scooby
""".split()

KEYBOARD = """qwerty qwertyu qwertyui qwertyuiop asdfgh asdfghj asdfghjk asdfghjkl zxcvbn zxcvbnm qazwsx qazwsxedc
qazxsw 1qaz2wsx 1qaz2wsx3edc 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 zaq1xsw2 zaq12wsx
qweasd qweasdzxc asdzxc poiuytrewq lkjhgfdsa mnbvcxz azerty azertyuiop qwertz qwertzuiop ytrewq 147258369
159753 753951 741852963 963852741 123qwe qwe123 asd123 zxc123 1234qwer qwer1234 asdf1234 zxcv1234 qweqweqwe
""".split()


def sequences():
    out = set()
    digits = "01234567890123456789"
    for n in range(6, 13):
        out.add(digits[1:1 + n])
        out.add(digits[:n])
        out.add("9876543210987654321"[:n])
    for d in "0123456789":
        for n in range(6, 17):
            out.add(d * n)
    letters = "abcdefghijklmnopqrstuvwxyz"
    for n in range(6, 27):
        out.add(letters[:n])
    for c in letters:
        for n in range(6, 17):
            out.add(c * n)
    for pair in ["12", "123", "1234", "ab", "abc", "xo", "ha", "la"]:
        for times in range(3, 7):
            out.add(pair * times)
    return out


LEET = {"a": ["@", "4"], "o": ["0"], "e": ["3"], "i": ["1", "!"], "s": ["$", "5"], "t": ["7"]}


def leet_variants(word):
    """The word with each swappable letter kept or swapped (bounded, so long words do not explode)."""
    options = [[c] + LEET.get(c, []) for c in word]
    variants = set()
    for combo in itertools.islice(itertools.product(*options), 64):
        variants.add("".join(combo))
    # Also every occurrence of one letter swapped at once: p@ssw0rd, p@$$w0rd.
    swapped = word
    for letter, subs in LEET.items():
        swapped = swapped.replace(letter, subs[0])
        variants.add(swapped)
    return variants


def base(word):
    """What the app compares: trailing digits and symbols stripped."""
    return word.rstrip("0123456789!@#$%^&*()_+-=.,?;:'\"~`[]{}<>/\\| ")


def main():
    entries = set()
    words = {w.lower() for w in TOP + WORDS + NAMES + KEYBOARD}
    for w in words:
        entries.add(w)
        for v in leet_variants(w):
            entries.add(v)
        entries.add(w + w)  # passwordpassword
        entries.add(w.capitalize() + w)  # the app compares lower-cased anyway
    for first, second in itertools.product(["i", "my", "the", "ilove", "iloveyou", "love"], sorted(words)[:400]):
        entries.add(first + second)
    entries |= sequences()
    entries = {e.lower() for e in entries}
    # Store each entry as the app will compare it; drop what would reduce to nothing (pure digit runs stay whole).
    stored = set()
    for e in entries:
        b = base(e)
        stored.add(b if len(b) >= 3 else e)
    target = pathlib.Path(__file__).resolve().parent.parent / "src/PeerInterview.Web/Accounts/common-passwords.txt"
    target.write_text("\n".join(sorted(stored)) + "\n", encoding="utf-8")
    print(f"{len(stored)} entries written to {target}")


if __name__ == "__main__":
    main()
