using System.Text.RegularExpressions;
using PhraseTms.Client.Languages;

namespace PhraseTms.Tests.Client;

public sealed class LanguageCodesTests
{
    private static List<string> Codes(string typed) => LanguageCodes.Complete(typed).Select(l => l.Code).ToList();

    [Fact]
    public void Codes_are_unique_lower_case_phrase_codes_in_order()
    {
        var codes = LanguageCodes.All.Select(l => l.Code).ToList();
        Assert.True(codes.Count > 80);
        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.All(codes, c => Assert.Matches(new Regex("^[a-z]{2,3}(_[a-z0-9]+)*$"), c));
        Assert.All(LanguageCodes.All, l => Assert.False(string.IsNullOrWhiteSpace(l.Name)));
        Assert.Contains("en_us", codes);
        Assert.Contains("zh_cn", codes);
        Assert.Contains("sr_latn_rs", codes);
    }

    [Fact]
    public void A_prefix_gives_the_codes_starting_with_it()
    {
        Assert.Equal(["de", "de_at", "de_ch", "de_de"], Codes("de"));
        Assert.Equal(["en_gb"], Codes("en_g"));
    }

    [Theory]
    [InlineData("EN-U", "en_us")]
    [InlineData("'fr_f", "fr_fr")]
    [InlineData("\"pt_b", "pt_br")]
    [InlineData(" zh_t ", "zh_tw")]
    public void Case_quotes_and_a_dash_instead_of_underscore_do_not_matter(string typed, string expected) =>
        Assert.Equal(expected, Assert.Single(Codes(typed)));

    [Fact]
    public void A_language_name_finds_its_codes_after_the_codes_matching_by_code()
    {
        Assert.Equal(["de", "de_at", "de_ch", "de_de"], Codes("germ"));
        Assert.Equal(["ja"], Codes("ja"));   // by code and by name (Japanese), listed once
        Assert.Equal(["pt", "pt_br", "pt_pt"], Codes("Portug"));
    }

    [Fact]
    public void Nothing_typed_offers_every_code_and_an_unknown_prefix_none()
    {
        Assert.Equal(LanguageCodes.All.Count, Codes("").Count);
        Assert.Empty(Codes("qqq"));
    }
}
