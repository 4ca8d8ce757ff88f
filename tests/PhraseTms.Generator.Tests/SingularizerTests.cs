using PhraseTms.Generator.Naming;

namespace PhraseTms.Generator.Tests;

public class SingularizerTests
{
    [Theory]
    [InlineData("Projects", "Project")]
    [InlineData("TransMemories", "TransMemory")]
    [InlineData("Analyses", "Analysis")]        // not "Analyse"
    [InlineData("Analysis", "Analysis")]
    [InlineData("Statuses", "Status")]
    [InlineData("Status", "Status")]
    [InlineData("AccessSettings", "AccessSettings")]
    [InlineData("Data", "Data")]
    [InlineData("Metadata", "Metadata")]
    [InlineData("LoginStatistics", "LoginStatistics")]
    [InlineData("Glossaries", "Glossary")]
    [InlineData("Matches", "Match")]
    [InlineData("Boxes", "Box")]
    [InlineData("Classes", "Class")]
    [InlineData("Caches", "Cache")]
    [InlineData("Aliases", "Alias")]
    [InlineData("TargetLangs", "TargetLang")]
    [InlineData("Lqas", "Lqa")]
    [InlineData("Process", "Process")]
    [InlineData("Access", "Access")]
    [InlineData("MT", "MT")]                    // an acronym
    [InlineData("Ids", "Id")]
    public void Singularizes_the_last_word_only(string plural, string singular) =>
        Assert.Equal(singular, Singularizer.LastWord(plural));

    [Fact]
    public void Earlier_words_stay_plural()
    {
        Assert.Equal("JobsStatus", Singularizer.LastWord("JobsStatus"));
        Assert.Equal("UsersProject", Singularizer.LastWord("UsersProjects"));
    }

    [Fact]
    public void The_exception_tables_are_consistent()
    {
        foreach (var (plural, singular) in Singularizer.Irregular)
            Assert.NotEqual(plural, singular);
        foreach (var word in Singularizer.Unchanged)
            Assert.Equal(word, Singularizer.Word(word));
    }
}
