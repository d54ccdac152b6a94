using Cake.Core.Diagnostics;
using Cake.Release.Reporting;

namespace Cake.Release.Dashboard;

/// <summary>
/// The dashboard's one view of the source: read again every interval by one loop (so a hundred open pages cost one
/// read), kept when it is the same as before, and announced to the waiting pages when it changed. "The same" is the
/// JSON output's text, which holds what runs and its drift but not the ages, so a matrix that only grew older is not
/// pushed again. A read that fails keeps the last matrix and shows why on the page; the loop goes on.
/// </summary>
internal sealed class StatusFeed(IStatusReader reader, TimeSpan interval, ICakeLog log)
{
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _fingerprint;
    private string? _lastProblem;

    /// <summary>The newest matrix read.</summary>
    public ReleaseStatus Status { get; private set; } = null!;

    /// <summary>How many times the matrix changed (the first read is 1).</summary>
    public long Generation { get; private set; }

    /// <summary>Why the newest read failed, or null when it did not.</summary>
    public string? Problem { get; private set; }

    /// <summary>The reader, for a component's history.</summary>
    public IStatusReader Reader => reader;

    /// <summary>The first read: a source that cannot be read at all fails here, before the server listens.</summary>
    public async Task StartAsync(CancellationToken cancel) => Take(await reader.ReadAsync(cancel).ConfigureAwait(false));

    /// <summary>Reads every interval until <paramref name="cancel"/>.</summary>
    public async Task RunAsync(CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, cancel).ConfigureAwait(false);
                Take(await reader.ReadAsync(cancel).ConfigureAwait(false));
                if (_lastProblem is not null)
                {
                    log.Information("Status --serve: {0} reads again.", reader.Where);
                    _lastProblem = null;
                    Problem = null;
                    Announce();
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is ReleaseException or Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or IOException or Cake.Core.CakeException)
            {
                // The log names it once per distinct problem, not once per interval.
                if (e.Message != _lastProblem)
                {
                    log.Warning("Status --serve: could not read {0}: {1}", reader.Where, e.Message);
                    _lastProblem = e.Message;
                    Problem = e.Message;
                    Announce();
                }
            }
        }
    }

    /// <summary>Completes when the matrix (or the problem) changes after <paramref name="generation"/>.</summary>
    public Task ChangedAfter(long generation)
    {
        lock (_gate)
        {
            return Generation > generation ? Task.CompletedTask : _changed.Task;
        }
    }

    private void Take(ReleaseStatus status)
    {
        var fingerprint = StatusJson.Render(status);
        lock (_gate)
        {
            // Kept either way, so ages stay fresh; announced only when what runs changed.
            Status = status;
            if (fingerprint == _fingerprint)
            {
                return;
            }

            _fingerprint = fingerprint;
        }

        Announce();
    }

    private void Announce()
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            Generation++;
            done = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.SetResult();
    }
}
