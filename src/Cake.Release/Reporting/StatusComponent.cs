namespace Cake.Release.Reporting;

/// <summary>
/// Who a row of the status matrix is: a service of a repository, and its kind (seed 001's <c>component#name</c>).
/// The matrix read from git names no repository (it is the one release.yaml describes); the one read from the central
/// release record names one per row, and the outputs then show repository and kind columns.
/// </summary>
/// <param name="Repository">The repository, e.g. <c>github.com/acme/shop</c>; null for this repository's own matrix.</param>
/// <param name="Kind">backend, frontend, kafka, infra or k8s.</param>
/// <param name="Service">The service within its repository.</param>
public sealed record StatusComponent(string? Repository, string Kind, string Service);
