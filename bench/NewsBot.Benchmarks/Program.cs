// Placeholder entry until the benchmark suites land; --smoke proves the project builds and runs.
Console.WriteLine(args.Contains("--smoke") ? "benchmarks: smoke run ok (no suites yet)" : "benchmarks: no suites yet");
return 0;
