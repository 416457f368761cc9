namespace ShareKit.Host.Scaffold;

/// <summary>One embedded template and where its output goes; <c>{Name}</c> and <c>{Prefix}</c> in the path are replaced.</summary>
internal sealed record TemplateFile(string Template, ScaffoldTarget Target, string RelativePath);
