using ShareKit.Host.Library;
using ShareKit.Sdk;
using ShareKit.Testing;
using ShareKit.Testing.Library;

namespace ShareKit.Host.Tests.Library;

public sealed class LibraryCatalogTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TestLibrary library = new();

    [Fact]
    public async Task Kinds_titles_and_authors_come_from_the_files_themselves()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);
        await Eventually.TrueAsync(() => catalog.PendingWork == 0 && catalog.Count > 0, Patience, "the catalog to examine every file");

        var epub = await GetAsync(catalog, "books/alice.epub");
        Assert.Equal((MediaKind.Ebook, "Alice's Adventures in Wonderland", "Lewis Carroll"), (epub.Kind, epub.Title, epub.Author));
        var unnamedEpub = await GetAsync(catalog, "books/no-extension");
        Assert.Equal((MediaKind.Ebook, "The Time Machine", "H. G. Wells"), (unnamedEpub.Kind, unnamedEpub.Title, unnamedEpub.Author));
        var mp3 = await GetAsync(catalog, "music/song.mp3");
        Assert.Equal((MediaKind.Audio, "Gymnopédie No. 1", "Erik Satie"), (mp3.Kind, mp3.Title, mp3.Author));
        Assert.Equal(MediaKind.Audio, (await GetAsync(catalog, "music/tone.wav")).Kind);
        Assert.Equal(MediaKind.Document, (await GetAsync(catalog, "papers/report.pdf")).Kind);
        Assert.Equal(MediaKind.Image, (await GetAsync(catalog, "pictures/dot.png")).Kind);
        Assert.Equal(MediaKind.Image, (await GetAsync(catalog, "pictures/really-a-png.txt")).Kind);
        Assert.Equal(MediaKind.Document, (await GetAsync(catalog, "notes.txt")).Kind);
        Assert.Equal(MediaKind.Folder, (await GetAsync(catalog, "books")).Kind);
    }

    [Fact]
    public async Task Every_file_gets_its_sha256_in_the_background()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);
        await Eventually.TrueAsync(() => catalog.PendingWork == 0 && catalog.Count > 0, Patience, "hashing to finish");

        Assert.Equal(library.Sha256Of("music/song.mp3"), (await GetAsync(catalog, "music/song.mp3")).ContentHash);
        Assert.Equal(library.Sha256Of("books/alice.epub"), (await GetAsync(catalog, "books/alice.epub")).ContentHash);
        Assert.Null((await GetAsync(catalog, "books")).ContentHash);
    }

    [Fact]
    public async Task Listing_is_ready_before_any_file_is_read()
    {
        var store = new GatedStore(LocalStorePlugin.Open(library.Root));
        await using var catalog = CatalogFactory.Start(store, library);

        var page = await catalog.BrowseAsync(StorePath.Parse("books"), 0, 10, CancellationToken.None);

        Assert.Equal(["alice.epub", "no-extension"], page.Entries.Select(e => e.Name));
        Assert.All(page.Entries, e => Assert.Null(e.ContentHash));
        Assert.Equal(MediaKind.Ebook, page.Entries[0].Kind); // from the extension, before the content is read
        Assert.True(catalog.PendingWork > 0);
        store.Open();
        await Eventually.TrueAsync(() => catalog.PendingWork == 0, Patience, "the background work to finish once reads are allowed");
        Assert.NotNull((await GetAsync(catalog, "books/alice.epub")).ContentHash);
    }

    [Fact]
    public async Task Browse_lists_folders_first_then_names_with_paging_and_a_total()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);

        var all = await catalog.BrowseAsync(StorePath.Root, 0, 100, CancellationToken.None);
        var second = await catalog.BrowseAsync(StorePath.Root, 2, 3, CancellationToken.None);

        Assert.Equal(["books", "empty-folder", "music", "papers", "pictures", "notes.txt"], all.Entries.Select(e => e.Name));
        Assert.Equal(6, all.Total);
        Assert.Equal(["music", "papers", "pictures"], second.Entries.Select(e => e.Name));
        Assert.Equal(6, second.Total);
        Assert.Empty((await catalog.BrowseAsync(StorePath.Parse("empty-folder"), 0, 10, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task Browsing_a_missing_folder_or_a_file_is_not_found()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);

        await Assert.ThrowsAsync<StoreNotFoundException>(() => catalog.BrowseAsync(StorePath.Parse("nowhere"), 0, 10, CancellationToken.None).AsTask());
        var file = await Assert.ThrowsAsync<StoreNotFoundException>(() => catalog.BrowseAsync(StorePath.Parse("notes.txt"), 0, 10, CancellationToken.None).AsTask());
        Assert.Contains("is a file", file.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => catalog.BrowseAsync(StorePath.Root, -1, 10, CancellationToken.None).AsTask());
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => catalog.BrowseAsync(StorePath.Root, 0, 0, CancellationToken.None).AsTask());
        Assert.Null(await catalog.GetAsync(StorePath.Parse("books/missing.epub"), CancellationToken.None));
    }

    [Fact]
    public async Task Search_matches_every_word_in_title_author_or_path_and_ranks_titles_first()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);
        await Eventually.TrueAsync(() => catalog.PendingWork == 0 && catalog.Count > 0, Patience, "metadata to be read");

        var wonderland = await SearchAsync(catalog, new CatalogQuery("WONDERLAND"));
        var byAuthor = await SearchAsync(catalog, new CatalogQuery("satie"));
        var twoWords = await SearchAsync(catalog, new CatalogQuery("alice carroll"));
        var noMatch = await SearchAsync(catalog, new CatalogQuery("alice satie"));
        var byPath = await SearchAsync(catalog, new CatalogQuery("papers"));

        Assert.Equal(["books/alice.epub"], wonderland);
        Assert.Equal(["music/song.mp3"], byAuthor);
        Assert.Equal(["books/alice.epub"], twoWords);
        Assert.Empty(noMatch);
        Assert.Equal(["papers", "papers/report.pdf"], byPath);
    }

    [Fact]
    public async Task Search_filters_by_kind_and_folder()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);
        await Eventually.TrueAsync(() => catalog.PendingWork == 0 && catalog.Count > 0, Patience, "kinds to be sniffed");

        Assert.Equal(["books/alice.epub", "books/no-extension"], await SearchAsync(catalog, new CatalogQuery(string.Empty, MediaKind.Ebook)));
        Assert.Equal(["music/song.mp3", "music/tone.wav"], await SearchAsync(catalog, new CatalogQuery(string.Empty, MediaKind.Audio)));
        Assert.Equal(["music/song.mp3"], await SearchAsync(catalog, new CatalogQuery("erik", MediaKind.Audio)));
        Assert.Empty(await SearchAsync(catalog, new CatalogQuery("erik", MediaKind.Video)));
        Assert.Equal(["pictures/dot.png", "pictures/really-a-png.txt"], await SearchAsync(catalog, new CatalogQuery(string.Empty) { Within = StorePath.Parse("pictures") }));
        var paged = await catalog.SearchAsync(new CatalogQuery(string.Empty), 1, 2, CancellationToken.None);
        Assert.Equal(8, paged.Total);
        Assert.Equal(2, paged.Entries.Count);
    }

    [Fact]
    public async Task A_changed_file_loses_its_hash_and_gets_the_new_one()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);
        await Eventually.TrueAsync(() => catalog.PendingWork == 0 && catalog.Count > 0, Patience, "the first hashing");
        var before = (await GetAsync(catalog, "music/song.mp3")).ContentHash;
        Assert.True(catalog.IsWatching);

        library.Write("music/song.mp3", MediaFixtures.Mp3("Gnossienne No. 1", "Erik Satie", frames: 300));
        var expected = library.Sha256Of("music/song.mp3");

        await Eventually.TrueAsync(async () => (await GetAsync(catalog, "music/song.mp3")).ContentHash == expected, Patience, "the new hash");
        var after = await GetAsync(catalog, "music/song.mp3");
        Assert.NotEqual(before, after.ContentHash);
        Assert.Equal("Gnossienne No. 1", after.Title);
        Assert.Equal(new FileInfo(library.Combine("music/song.mp3")).Length, after.File.Length);
    }

    [Fact]
    public async Task Added_and_deleted_files_and_folders_appear_and_vanish()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library);
        await catalog.ListingReady;

        library.Write("films/new/clip.mkv", [0x1A, 0x45, 0xDF, 0xA3, 0, 0, 0, 0]);
        File.Delete(library.Combine("notes.txt"));
        Directory.Delete(library.Combine("pictures"), recursive: true);

        await Eventually.TrueAsync(async () => await catalog.GetAsync(StorePath.Parse("films/new/clip.mkv"), CancellationToken.None) is not null, Patience, "the new file");
        await Eventually.TrueAsync(async () => await catalog.GetAsync(StorePath.Parse("pictures/dot.png"), CancellationToken.None) is null, Patience, "the deleted folder to vanish");
        await Eventually.TrueAsync(async () => await catalog.GetAsync(StorePath.Parse("notes.txt"), CancellationToken.None) is null, Patience, "the deleted file to vanish");
        await Eventually.TrueAsync(async () => (await GetAsync(catalog, "films/new/clip.mkv")).ContentHash is not null, Patience, "the new file's hash");
        Assert.Equal(MediaKind.Video, (await GetAsync(catalog, "films/new/clip.mkv")).Kind);
        Assert.Empty(await SearchAsync(catalog, new CatalogQuery("dot")));
    }

    [Fact]
    public async Task Without_a_watcher_changes_are_found_by_periodic_rescans()
    {
        await using var catalog = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library, watch: false);
        await catalog.ListingReady;
        Assert.False(catalog.IsWatching);

        library.Write("books/later.epub", MediaFixtures.Epub("Later", "Someone"));

        await Eventually.TrueAsync(async () => (await catalog.GetAsync(StorePath.Parse("books/later.epub"), CancellationToken.None))?.Title == "Later", Patience, "the rescan to find the new book");
    }

    [Fact]
    public async Task A_restart_takes_facts_from_the_cache_without_reading_unchanged_files()
    {
        await using (var first = CatalogFactory.Start(LocalStorePlugin.Open(library.Root), library))
        {
            await Eventually.TrueAsync(() => first.PendingWork == 0 && first.Count > 0, Patience, "the first hashing");
        }

        Assert.True(File.Exists(Path.Combine(library.DataDirectory, "catalog", "library.json")));
        library.Write("notes.txt", "changed while the node was down"u8.ToArray());
        File.SetLastWriteTimeUtc(library.Combine("notes.txt"), DateTime.UtcNow.AddMinutes(1));
        var store = new GatedStore(LocalStorePlugin.Open(library.Root));
        await using var second = CatalogFactory.Start(store, library);

        var song = await GetAsync(second, "music/song.mp3");
        var notes = await GetAsync(second, "notes.txt");

        Assert.Equal(("Gymnopédie No. 1", library.Sha256Of("music/song.mp3")), (song.Title, song.ContentHash));
        Assert.Null(notes.ContentHash);
        Assert.Equal(1, second.PendingWork);
        store.Open();
        await Eventually.TrueAsync(async () => (await GetAsync(second, "notes.txt")).ContentHash == library.Sha256Of("notes.txt"), Patience, "the changed file's hash");
        Assert.Equal(2, store.Reads); // examined once, hashed once: nothing else was read
    }

    [Fact]
    public async Task A_missing_library_folder_lists_empty_and_is_found_once_it_appears()
    {
        var root = library.Combine("not-yet");
        var store = LocalStorePlugin.Open(root);
        Directory.Delete(root); // the store makes its folder; take it away again before the catalog looks
        await using var catalog = CatalogFactory.Start(store, library, watch: false);

        var empty = await catalog.BrowseAsync(StorePath.Root, 0, 10, CancellationToken.None);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "late.txt"), "here now");

        Assert.Equal(0, empty.Total);
        await Eventually.TrueAsync(async () => (await catalog.BrowseAsync(StorePath.Root, 0, 10, CancellationToken.None)).Total == 1, Patience, "the folder's file");
    }

    public void Dispose() => library.Dispose();

    private static async Task<CatalogEntry> GetAsync(LibraryCatalog catalog, string path) =>
        await catalog.GetAsync(StorePath.Parse(path), CancellationToken.None) ?? throw new Xunit.Sdk.XunitException($"{path} is not in the catalog");

    private static async Task<List<string>> SearchAsync(LibraryCatalog catalog, CatalogQuery query) =>
        [.. (await catalog.SearchAsync(query, 0, 100, CancellationToken.None)).Entries.Select(e => e.Path.Value)];
}
