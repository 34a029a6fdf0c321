using BenchmarkDotNet.Running;

// `--filter '*' --job short` for a quick run; `--profile [id-prefix [runs]]` for a per-page timing table instead.
if (args.Length > 0 && args[0] == "--profile")
{
    return FeedHarvester.Benchmarks.PageTimer.Run(args.Length > 1 ? args[1] : null,
        args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5);
}

// `--parse-cost FARM_DIR`: CPU of one bare parse per article of a newsfarm universe (bench/e2e/throughput.sh uses it).
if (args.Length > 1 && args[0] == "--parse-cost")
{
    return FeedHarvester.Benchmarks.ParseCost.Run(args[1]);
}

// `--stages FARM_DIR [N]`: thread CPU and allocation of each in-process step per article of a newsfarm universe.
if (args.Length > 1 && args[0] == "--stages")
{
    return FeedHarvester.Benchmarks.StageCost.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000);
}

// BenchmarkDotNet runs each benchmark in a child process started from its own build folder, where walking up to
// FeedHarvester.sln fails; find the pages here and hand the folder down (children inherit the environment).
Environment.SetEnvironmentVariable(FeedHarvester.Benchmarks.DevPages.DirectoryVariable, FeedHarvester.Benchmarks.DevPages.FindDirectory());
_ = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
