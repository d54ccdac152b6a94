namespace Cake.Release.Tests.Config;

/// <summary>The release.yaml the design contract gives as its example, verbatim, comments included.</summary>
public static class ReleaseYamlExample
{
    public const string Text = """
        version: 1
        registry: oci:.release/registry          # "oci:<dir>" = OCI image layout on disk (the embedded default);
                                                  # "<host>[:port]/<namespace>" = a registry; "http://" prefix for plain-HTTP loopback registries
        git:
          remote: origin                          # holds the gitops branches
          mainBranch: main
          manifestsDir: release-manifests         # <env>.yaml manifests live here on each environment's branch
        tags:                                     # placeholders: {service} {version} {major} {minor} {patch} {sha} {sha7} {env} {date:yyyyMMdd}
          release: "{service}/{version}"          # git tag per service release
          releaseBranch: "release/{service}-{major}.{minor}"
          build: "sha-{sha7}"                     # immutable image tag written by BuildOnce
        build:
          builder: docker                         # docker | buildah | podman | oci-layer
        environments:                             # the promotion chain is given by `from`
          dev:
            branch: gitops/dev-auto-update
            auto: true                            # DeployDev writes it for every changed service
            imageTag: dev                         # optional moving tag per environment
          staging:
            branch: gitops/staging-releases
            from: dev
            imageTag: stg
            preRelease: rc                        # optional: versions promoted here are X.Y.Z-rc.N
          production:
            branch: gitops/production-releases
            from: staging
            imageTag: prd
            approvals: 2                          # distinct approvers, none of them the promoter
            soak: 24h                             # minimum time the version ran in `from`
            milestoneTag: "release-prd-{date:yyyyMMdd}"
            updates:                              # more files written on promotion, on the same branch
              - kustomize: k8s/overlays/production          # images[] entry per service: newTag (+ digest)
              - file: helm/values-production.yaml
                path: "{service}.image.tag"                 # created if missing
            notify:
              - teams: ${TEAMS_WEBHOOK_URL}
              - slack: ${SLACK_WEBHOOK_URL}
        services:
          blue:
            path: projects/blue
            image: blue                           # repository under `registry` (default: the service name)
            dockerfile: Dockerfile                # relative to path (default)
            chart: helm/charts/blue               # optional
            changelog: CHANGELOG.md               # relative to path (default)
            dependsOn: [libs/payments]            # more paths, or other services, whose changes mark this one changed

        """;
}
