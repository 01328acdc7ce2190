using System.Data.Common;
using NewsBot.Core.State;

namespace NewsBot.Storage;

/// <summary>
/// The /stats queries of the answer log, one SQL for SQLite and PostgreSQL: counts by backend, votes, the most cited
/// articles and the model's tokens, for one chat or the whole bot. Each provider passes only what differs: how a time
/// is stored and how titles sort (byte order in both).
/// </summary>
internal static class AnswerStatsQuery
{
    public static async Task<AnswerStats> ReadAsync(
        DbConnection connection,
        ChatKey? chat,
        DateTimeOffset tokensSince,
        object tokensSinceValue,
        int topTopics,
        string titleInByteOrder,
        CancellationToken cancellationToken)
    {
        // One filter for every query: the whole bot, or one chat.
        var where = chat is null ? "1 = 1" : "a.platform = @platform AND a.chat_id = @chat";
        DbCommand Query(string sql, params (string Name, object Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, value) in chat is { } c ? [("@platform", c.Platform), ("@chat", c.ChatId), .. parameters] : parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            return command;
        }

        var byBackend = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = Query($"SELECT a.backend, count(*) FROM answers a WHERE {where} GROUP BY a.backend;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                byBackend[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        long good = 0, bad = 0;
        await using (var command = Query($"SELECT v.vote, count(*) FROM votes v JOIN answers a ON a.id = v.answer_id WHERE {where} GROUP BY v.vote;"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetString(0) == "good")
                {
                    good = reader.GetInt64(1);
                }
                else
                {
                    bad = reader.GetInt64(1);
                }
            }
        }

        var topics = new List<(string, long)>();
        await using (var command = Query(
            $"""
            SELECT max({titleInByteOrder}), count(*) AS n FROM answer_citations c JOIN answers a ON a.id = c.answer_id WHERE {where}
            GROUP BY c.article_id ORDER BY n DESC, max({titleInByteOrder}) LIMIT @top;
            """,
            ("@top", topTopics)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                topics.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        long prompt = 0, completion = 0;
        await using (var command = Query(
            $"SELECT CAST(coalesce(sum(a.prompt_tokens), 0) AS BIGINT), CAST(coalesce(sum(a.completion_tokens), 0) AS BIGINT) FROM answers a WHERE {where} AND a.at >= @since;",
            ("@since", tokensSinceValue)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                prompt = reader.GetInt64(0);
                completion = reader.GetInt64(1);
            }
        }

        return new AnswerStats
        {
            Questions = byBackend.Values.Sum(),
            AnswersByBackend = byBackend,
            GoodVotes = good,
            BadVotes = bad,
            TopTopics = topics,
            PromptTokens = prompt,
            CompletionTokens = completion,
            TokensSince = tokensSince,
        };
    }
}
