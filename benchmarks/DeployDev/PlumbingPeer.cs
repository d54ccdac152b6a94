namespace DeployDevBenchmark;

/// <summary>
/// The peer: what a hand-written CI step that already knows each service's new tag and digest does to record them,
/// one commit and one push for all K, in git plumbing without a checkout: fetch dev's tip, rewrite the K entries of
/// the manifest in one awk pass, build the tree in a temporary index, commit with a trailer block per service, push.
/// Its input, one line per service (service, tag, digest, commit), is in <c>.release/deploys-K.txt</c>; it does not
/// detect changes or ask a registry, so it is the floor for the write itself.
/// </summary>
internal static class PlumbingPeer
{
    public const string Script = """
        set -euo pipefail
        deploys=".release/deploys-$CHANGED.txt"
        manifest=release-manifests/dev.yaml
        now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
        git fetch --quiet origin gitops/dev
        parent=$(git rev-parse FETCH_HEAD)
        blob=$(git cat-file blob "$parent:$manifest" | awk -v now="$now" '
          NR == FNR { tag[$1] = $2; digest[$1] = $3; commit[$1] = $4; next }
          /^  [^ ].*:$/ { service = substr($1, 1, length($1) - 1) }
          service in tag && /^    version: / { print "    version: \"" tag[service] "\""; next }
          service in tag && /^    digest: / { print "    digest: " digest[service]; next }
          service in tag && /^    commit: / { print "    commit: \"" commit[service] "\""; next }
          service in tag && /^    deployed: / { print "    deployed: \"" now "\""; next }
          { print }' "$deploys" - | git hash-object -w --stdin)
        export GIT_INDEX_FILE=$(mktemp)
        trap 'rm -f "$GIT_INDEX_FILE"' EXIT
        git read-tree "$parent"
        git update-index --cacheinfo "100644,$blob,$manifest"
        tree=$(git write-tree)
        commit=$(awk -v count="$CHANGED" '
          BEGIN { print "deploy(" count " services) → dev"; print "" }
          { print "Service: " $1; print "Version: " $2; print "Digest: " $3; print "Promoted-by: benchmark"; print "Source-Commit: " $4; print "" }' "$deploys" \
          | git commit-tree "$tree" -p "$parent")
        git push --quiet origin "$commit:refs/heads/gitops/dev"
        """;
}
