namespace ShareKit.Host.Cli;

/// <summary>Plain aligned columns on stdout, for the table output of listing verbs.</summary>
internal static class TextTable
{
    public static void Write(string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var widths = header.Select((h, i) => all.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        void WriteRow(string[] cells) =>
            Console.Out.WriteLine(string.Join("  ", cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        WriteRow(header);
        all.ForEach(WriteRow);
    }
}
