using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeerInterview.Web.Domain;

namespace PeerInterview.Web.Data.Configurations;

internal sealed class SignInCounterConfiguration : IEntityTypeConfiguration<SignInCounter>
{
    public void Configure(EntityTypeBuilder<SignInCounter> b)
    {
        b.HasKey(c => c.Key);
        b.Property(c => c.Key).HasMaxLength(80);
        b.HasIndex(c => c.ExpiresAt);
    }
}
