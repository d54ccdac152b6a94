// The dotnet cake twin of this folder's pipeline: one task logging the line the benchmark waits for.
Task("Default").Does(() => Information("first-task-line"));

RunTarget(Argument("target", "Default"));
