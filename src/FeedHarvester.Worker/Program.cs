using FeedHarvester.Worker.Cli;

return await CommandLineApp.Build().Parse(args).InvokeAsync().ConfigureAwait(false);
