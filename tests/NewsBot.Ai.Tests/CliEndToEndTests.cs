using System.Diagnostics;
using System.Text.Json;
using NewsBot.Ai.Tests.Fakes;

namespace NewsBot.Ai.Tests;

/// <summary>
/// The acceptance runs: the built newsbot, configured by environment variables, against the loopback
/// OpenAI-compatible server; "ask" on the seed corpus prints the model's answer, or the extractive one with the note.
/// </summary>
public sealed class CliEndToEndTests : IAsyncLifetime
{
    private const string Question = "Where did Rubio and Lavrov meet?";
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Ask_with_an_OpenAI_compatible_model_prints_its_answer_with_backend_llm_and_the_seed_citation()
    {
        var (exit, stdout, stderr) = await RunAsync();

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("llm", root.GetProperty("backend").GetString());
        Assert.Equal("en", root.GetProperty("language").GetString());
        Assert.Equal("Rubio and Lavrov met in Riyadh, Saudi Arabia [1].", root.GetProperty("answer").GetString());
        var citation = Assert.Single(root.GetProperty("citations").EnumerateArray().ToList());
        Assert.Equal("000_59b4a59a8a957c04", citation.GetProperty("articleId").GetString());

        var answerRequest = _server.Requests[^1];
        Assert.Equal("test-model", answerRequest.Model);
        Assert.Equal("Bearer test", answerRequest.Authorization);
        var user = answerRequest.Messages[^1].Content;
        Assert.Contains("Riad", user);
        Assert.Contains("Answer language: English", user);
        Assert.Contains(_server.Requests, r => r.Messages[0].Content.Contains("search terms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_when_the_model_fails_prints_the_extractive_answer_with_the_note_and_exits_0()
    {
        _server.Behavior = FakeBehavior.ServerError;

        var (exit, stdout, stderr) = await RunAsync();

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("extractive", root.GetProperty("backend").GetString());
        var answer = root.GetProperty("answer").GetString()!;
        Assert.Contains("Riad", answer);
        Assert.EndsWith("The language model was unavailable; this is an extractive answer.", answer);
        Assert.Equal("000_59b4a59a8a957c04", Assert.Single(root.GetProperty("citations").EnumerateArray().ToList()).GetProperty("articleId").GetString());
    }

    [Fact]
    public async Task Ask_when_the_model_never_answers_times_out_into_the_extractive_answer()
    {
        _server.Behavior = FakeBehavior.Hang;

        var (exit, stdout, stderr) = await RunAsync(("Llm__TimeoutSeconds", "1"));

        Assert.True(exit == 0, stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("extractive", json.RootElement.GetProperty("backend").GetString());
        Assert.EndsWith("this is an extractive answer.", json.RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task An_OpenAI_provider_without_a_model_stops_with_one_line_naming_the_key()
    {
        var (exit, stdout, stderr) = await RunAsync(("Llm__Model", ""));

        Assert.Equal(2, exit);
        Assert.Contains("Llm:Model is required when Llm:Provider is OpenAI", stderr);

        // With --json a script also reads the reason on stdout, as the only output there.
        using var json = JsonDocument.Parse(stdout);
        Assert.Contains("Llm:Model is required when Llm:Provider is OpenAI", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params (string Key, string Value)[] overrides)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "newsbot.dll"), "ask", Question, "--corpus", SeedCorpus.SeedDirectory, "--json" })
        {
            info.ArgumentList.Add(arg);
        }

        var dataFolder = Path.Combine(Path.GetTempPath(), "newsbot-ai-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataFolder);
        info.Environment["NEWSBOT_DATA"] = dataFolder;
        info.Environment["DOTNET_ENVIRONMENT"] = "Test";
        info.Environment["Search__SnapshotFolder"] = NewsBot.Tests.Shared.TestPaths.DictionarySnapshotFolder;
        info.Environment["Llm__Provider"] = "OpenAI";
        info.Environment["Llm__Endpoint"] = _server.BaseUrl;
        info.Environment["Llm__ApiKey"] = "test";
        info.Environment["Llm__Model"] = "test-model";
        foreach (var (key, value) in overrides)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, (await stdout).Trim(), await stderr);
    }
}
