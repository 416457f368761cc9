using System.Text;
using ShareKit.Sdk;

namespace ShareKit.Http.Pages;

/// <summary>The site's URLs; every path segment is percent-encoded, so any file name makes a working link.</summary>
internal static class Links
{
    public static string Browse(StorePath folder) => folder.IsRoot ? "/browse/" : "/browse/" + Encode(folder) + "/";

    public static string View(StorePath file) => "/view/" + Encode(file);

    public static string File(StorePath file) => "/files/" + Encode(file);

    public static string Download(StorePath file) => File(file) + "?download=1";

    public static string Encode(StorePath path)
    {
        var text = new StringBuilder(path.Value.Length + 16);
        foreach (var segment in path.Segments)
        {
            if (text.Length > 0)
            {
                text.Append('/');
            }

            text.Append(Uri.EscapeDataString(segment));
        }

        return text.ToString();
    }
}
