using Cake.Core.Diagnostics;
using Cake.Release.Config;
using Cake.Release.GitOps;
using Cake.Release.Secrets;

namespace Cake.Release.Notifications;

/// <summary>Who to tell about a promotion, what, and the manifest commit the delivery records hang on (none in a dry run that would write it).</summary>
internal sealed record NotifyInput(IReadOnlyList<NotifyTarget> Targets, PromotionNotice Notice, string? ManifestCommit);

/// <summary>
/// Last, and never fatal: the promotion is done whether or not a chat hears about it. Delivered at least once: a
/// target is sent when the promotion's manifest commit has no delivery record of it, and recorded only after its
/// webhook answered 2xx, so a run stopped anywhere in between is completed by the next one, and a run after that
/// sends nothing. Without a manifest commit (a dry run that would write it), every target is due.
/// </summary>
internal sealed class NotifyStep(ICakeLog log, DeliveryRecords records, TimeSpan timeout, TimeProvider clock) : IReleaseStep<NotifyInput, IReadOnlyList<StepEffect>>
{
    private const string Step = "notify";

    public IReadOnlyList<StepEffect> Plan(NotifyInput input) =>
        Due(input).Select(due =>
        {
            var notice = input.Notice;
            log.Information("Dry run: would notify the {0}: {1} by {2}{3}.", due.Where, notice.Title, notice.By, notice.Approvers.Count == 0 ? "" : $", approved by {notice.ApprovedBy}");
            return new StepEffect(Step, true, due.Where);
        }).ToList();

    public IReadOnlyList<StepEffect> Apply(NotifyInput input) => Due(input).Select(due => Send(input, due.Target, due.Where)).ToList();

    private StepEffect Send(NotifyInput input, NotifyTarget target, string where)
    {
        string? problem;
        try
        {
            var url = target.Url.Resolve();
            log.KeepSecret(url);
            problem = new WebhookNotifier(timeout).Send(url, NotificationPayloads.For(target.Kind, input.Notice));
        }
        catch (ReleaseException e)
        {
            problem = e.Message.TrimEnd('.');
        }

        if (problem is not null)
        {
            log.Warning("Could not notify the {0}: {1}. The promotion itself is done. Running it again sends the notification.", where, problem);
            return new StepEffect(Step, false, $"{where}: {problem}");
        }

        log.Information("Notified the {0}.", where);
        try
        {
            records.Record(input.ManifestCommit!, DeliveryNote.Name(target), clock.GetUtcNow());
        }
        catch (ReleaseException e)
        {
            log.Warning("Could not record that the {0} was notified: {1}; running the promotion again notifies it again.", where, e.Message.TrimEnd('.'));
        }

        return new StepEffect(Step, true, where);
    }

    // The targets without a delivery record of this promotion, each with how the log names it.
    private IEnumerable<(NotifyTarget Target, string Where)> Due(NotifyInput input)
    {
        IReadOnlySet<string> delivered = new HashSet<string>();
        if (input.ManifestCommit is not null)
        {
            try
            {
                delivered = records.Delivered(input.ManifestCommit);
            }
            catch (ReleaseException e)
            {
                log.Warning("Could not read which notifications were delivered ({0}); notifying every target.", e.Message.TrimEnd('.'));
            }
        }

        foreach (var target in input.Targets)
        {
            var where = $"{target.Kind} webhook ({Describe(target)})";
            if (delivered.Contains(DeliveryNote.Name(target)))
            {
                log.Verbose("The {0} was notified of {1} before.", where, input.Notice.Title);
                continue;
            }

            yield return (target, where);
        }
    }

    // The variable names are not secret, the URL is: name where it comes from, never what it is.
    private static string Describe(NotifyTarget notify) =>
        notify.Url.Variables.Count > 0 ? string.Join(", ", notify.Url.Variables.Select(v => $"${{{v}}}")) : notify.Url.Location.ToString();
}
