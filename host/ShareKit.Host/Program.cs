using System.Runtime.InteropServices;
using ShareKit.Host.Cli;

using var stop = new CancellationTokenSource();

// Ctrl+C and SIGTERM end long-running verbs through cancellation, so they can stop cleanly.
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return await CliApp.RunAsync(args, stop.Token);
