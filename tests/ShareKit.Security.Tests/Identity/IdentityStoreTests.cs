using System.Text.RegularExpressions;
using ShareKit.Sdk;
using ShareKit.Security.Encrypted.Identity;
using ShareKit.Testing;

namespace ShareKit.Security.Tests.Identity;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class IdentityStoreTests
{
    [Fact]
    public void A_missing_key_is_created_owner_only_and_loads_the_same_afterwards()
    {
        using var directory = new TempDirectory();

        var created = IdentityStore.LoadOrCreate(directory.Path);
        var loaded = IdentityStore.LoadOrCreate(directory.Path);

        Assert.Equal(created.Fingerprint, loaded.Fingerprint);
        Assert.True(created.PublicKey.Span.SequenceEqual(loaded.PublicKey.Span));
        Assert.Equal(32, new FileInfo(IdentityStore.KeyPath(directory.Path)).Length);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(IdentityStore.KeyPath(directory.Path)));
        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(Path.GetDirectoryName(IdentityStore.KeyPath(directory.Path))!));
    }

    [Fact]
    public void The_fingerprint_is_eight_groups_of_four_base32_letters()
    {
        using var directory = new TempDirectory();

        var identity = IdentityStore.LoadOrCreate(directory.Path);

        Assert.Matches(FingerprintShape(), identity.Fingerprint);
        Assert.Equal(identity.Fingerprint, Fingerprint.Of(identity.PublicKey.Span));
    }

    [Fact]
    public void Fingerprint_of_a_known_key_is_stable()
    {
        // SHA-256 of 32 zero bytes starts 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
        Assert.Equal("MZUH-VLPY-MK6X-O3EP-YGFY-5H4O-EAEJ-OFEF", Fingerprint.Of(new byte[32]));
        Assert.True(Fingerprint.SameAs("mzuh vlpy mk6x o3ep ygfy 5h4o eaej ofef", Fingerprint.Of(new byte[32])));
    }

    [Fact]
    public void A_damaged_key_is_refused_with_its_path_and_never_replaced()
    {
        using var directory = new TempDirectory();
        var path = IdentityStore.KeyPath(directory.Path);
        directory.WriteFile(Path.Combine(IdentityStore.FolderName, IdentityStore.FileName), new byte[31]);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var error = Assert.Throws<TrustException>(() => IdentityStore.LoadOrCreate(directory.Path));

        Assert.Contains(path, error.Message);
        Assert.Contains("damaged", error.Message);
        Assert.Equal(31, new FileInfo(path).Length);
    }

    [Fact]
    public void A_key_readable_by_others_is_refused_with_the_chmod_to_fix_it()
    {
        using var directory = new TempDirectory();
        IdentityStore.LoadOrCreate(directory.Path);
        var path = IdentityStore.KeyPath(directory.Path);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var error = Assert.Throws<TrustException>(() => IdentityStore.LoadOrCreate(directory.Path));

        Assert.Contains($"chmod 600 '{path}'", error.Message);
    }

    [GeneratedRegex("^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$")]
    private static partial Regex FingerprintShape();
}
