using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NewsBot.Retrieval.Articles;
using NewsBot.Retrieval.Languages;

namespace NewsBot.Benchmarks.Retrieval;

/// <summary>
/// The comparison baseline: Lucene.Net 4.8 BM25 in memory, one document per paragraph, analyzed with the target language's
/// analyzer (German or English: stop words, stemmer), the question analyzed the same way and OR-ed term by term.
/// </summary>
internal sealed class LuceneRetriever : IRetriever
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const string Field = "text";

    private Analyzer? _analyzer;
    private RAMDirectory? _directory;
    private DirectoryReader? _reader;
    private IndexSearcher? _searcher;

    public string Name => "Lucene.Net 4.8 BM25 (German/English analyzer)";

    public void Index(IReadOnlyList<Article> articles, Language language)
    {
        Close();
        _analyzer = language == Language.German ? new GermanAnalyzer(Version) : new EnglishAnalyzer(Version);
        _directory = new RAMDirectory();
        var config = new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE };
        using (var writer = new IndexWriter(_directory, config))
        {
            foreach (var article in articles)
            {
                var ordinal = 0;
                foreach (var block in article.Blocks.Where(b => b.Kind == BlockKind.Paragraph))
                {
                    writer.AddDocument(new Document
                    {
                        new StoredField("key", $"{article.Id}#{ordinal++}"),
                        new TextField(Field, block.Text, Lucene.Net.Documents.Field.Store.NO),
                    });
                }
            }

            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    public IReadOnlyList<string> Search(string question, int k)
    {
        if (_searcher is null || _analyzer is null)
        {
            return [];
        }

        var query = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream(Field, new StringReader(question)))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term(Field, term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        if (query.Clauses.Count == 0)
        {
            return [];
        }

        var top = _searcher.Search(query, k);
        return [.. top.ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get("key"))];
    }

    public void Dispose() => Close();

    private void Close()
    {
        _reader?.Dispose();
        _directory?.Dispose();
        _analyzer?.Dispose();
        _reader = null;
        _directory = null;
        _analyzer = null;
        _searcher = null;
    }
}
