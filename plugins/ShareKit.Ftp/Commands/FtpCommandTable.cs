namespace ShareKit.Ftp;

/// <summary>The commands the server knows, by verb, and the FEAT lines they declare.</summary>
internal sealed class FtpCommandTable
{
    private readonly Dictionary<string, FtpCommand> byVerb = new(StringComparer.Ordinal);

    public FtpCommandTable(IEnumerable<FtpCommand> commands)
    {
        foreach (var command in commands)
        {
            byVerb.Add(command.Verb, command);
            foreach (var alias in command.Aliases)
            {
                byVerb.Add(alias, command);
            }
        }

        Features = byVerb.Values.Distinct().Select(c => c.Feature).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        Verbs = byVerb.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public IReadOnlyList<string> Features { get; }

    public IReadOnlyList<string> Verbs { get; }

    public FtpCommand? Find(string verb) => byVerb.GetValueOrDefault(verb);

    /// <summary>Every command of the server.</summary>
    public static FtpCommandTable CreateDefault() => new(
    [
        new UserCommand(), new PassCommand(), new QuitCommand(), new ReinCommand(), new NoopCommand(), new SystCommand(),
        new TypeCommand(), new ModeCommand(), new StruCommand(), new FeatCommand(), new OptsCommand(), new HelpCommand(),
        new StatCommand(), new PwdCommand(), new CwdCommand(), new CdupCommand(), new ListCommand(), new NlstCommand(),
        new MlsdCommand(), new MlstCommand(), new SizeCommand(), new MdtmCommand(), new RetrCommand(), new StorCommand(),
        new AppeCommand(), new StouCommand(), new RestCommand(), new DeleCommand(), new MkdCommand(), new RmdCommand(),
        new RnfrCommand(), new RntoCommand(), new AborCommand(), new PasvCommand(), new EpsvCommand(), new PortCommand(),
        new EprtCommand(), new AuthCommand(), new PbszCommand(), new ProtCommand(), new HostCommand(),
    ]);
}
