namespace PhraseTms.Client.Languages;

/// <summary>A Phrase TMS language code (lower case, '_' between parts, e.g. <c>en_us</c>) and its English name.</summary>
public sealed record LanguageCode(string Code, string Name);

/// <summary>
/// Common Phrase TMS language codes, for tab completion of -TargetLang. Not a validation list: the API accepts many
/// more codes, and any of them can be typed.
/// </summary>
public static class LanguageCodes
{
    /// <summary>The codes offered, ordered by code.</summary>
    public static IReadOnlyList<LanguageCode> All { get; } = new LanguageCode[]
    {
        new("af", "Afrikaans"), new("ar", "Arabic"), new("ar_ae", "Arabic (UAE)"), new("ar_eg", "Arabic (Egypt)"),
        new("ar_sa", "Arabic (Saudi Arabia)"), new("bg", "Bulgarian"), new("bn", "Bengali"), new("ca", "Catalan"),
        new("cs", "Czech"), new("cy", "Welsh"), new("da", "Danish"), new("de", "German"), new("de_at", "German (Austria)"),
        new("de_ch", "German (Switzerland)"), new("de_de", "German (Germany)"), new("el", "Greek"), new("en", "English"),
        new("en_au", "English (Australia)"), new("en_ca", "English (Canada)"), new("en_gb", "English (United Kingdom)"),
        new("en_ie", "English (Ireland)"), new("en_in", "English (India)"), new("en_us", "English (United States)"),
        new("es", "Spanish"), new("es_419", "Spanish (Latin America)"), new("es_ar", "Spanish (Argentina)"),
        new("es_es", "Spanish (Spain)"), new("es_mx", "Spanish (Mexico)"), new("es_us", "Spanish (United States)"),
        new("et", "Estonian"), new("eu", "Basque"), new("fa", "Persian"), new("fi", "Finnish"), new("fil", "Filipino"),
        new("fr", "French"), new("fr_be", "French (Belgium)"), new("fr_ca", "French (Canada)"), new("fr_ch", "French (Switzerland)"),
        new("fr_fr", "French (France)"), new("ga", "Irish"), new("gl", "Galician"), new("gu", "Gujarati"), new("he", "Hebrew"),
        new("hi", "Hindi"), new("hr", "Croatian"), new("hu", "Hungarian"), new("hy", "Armenian"), new("id", "Indonesian"),
        new("is", "Icelandic"), new("it", "Italian"), new("it_ch", "Italian (Switzerland)"), new("it_it", "Italian (Italy)"),
        new("ja", "Japanese"), new("ka", "Georgian"), new("kk", "Kazakh"), new("km", "Khmer"), new("kn", "Kannada"),
        new("ko", "Korean"), new("lo", "Lao"), new("lt", "Lithuanian"), new("lv", "Latvian"), new("mk", "Macedonian"),
        new("ml", "Malayalam"), new("mn", "Mongolian"), new("mr", "Marathi"), new("ms", "Malay"), new("mt", "Maltese"),
        new("my", "Burmese"), new("nb", "Norwegian Bokmål"), new("ne", "Nepali"), new("nl", "Dutch"), new("nl_be", "Dutch (Belgium)"),
        new("nl_nl", "Dutch (Netherlands)"), new("nn", "Norwegian Nynorsk"), new("pa", "Punjabi"), new("pl", "Polish"),
        new("pt", "Portuguese"), new("pt_br", "Portuguese (Brazil)"), new("pt_pt", "Portuguese (Portugal)"), new("ro", "Romanian"),
        new("ru", "Russian"), new("si", "Sinhala"), new("sk", "Slovak"), new("sl", "Slovenian"), new("sq", "Albanian"),
        new("sr_cyrl_rs", "Serbian (Cyrillic, Serbia)"), new("sr_latn_rs", "Serbian (Latin, Serbia)"), new("sv", "Swedish"),
        new("sv_se", "Swedish (Sweden)"), new("sw", "Swahili"), new("ta", "Tamil"), new("te", "Telugu"), new("th", "Thai"),
        new("tr", "Turkish"), new("uk", "Ukrainian"), new("ur", "Urdu"), new("uz", "Uzbek"), new("vi", "Vietnamese"),
        new("zh_cn", "Chinese (Simplified)"), new("zh_hk", "Chinese (Hong Kong)"), new("zh_sg", "Chinese (Singapore)"),
        new("zh_tw", "Chinese (Traditional, Taiwan)"), new("zu", "Zulu"),
    };

    /// <summary>
    /// The codes matching what has been typed: codes starting with it first ('-' counts as '_', case and surrounding
    /// quotes ignored), then codes whose name has a word starting with it (<c>germ</c> → de, de_at …). Empty: all.
    /// </summary>
    public static IEnumerable<LanguageCode> Complete(string? wordToComplete)
    {
        var typed = (wordToComplete ?? "").Trim().Trim('\'', '"').Replace('-', '_').ToLowerInvariant();
        if (typed.Length == 0) return All;
        var byCode = All.Where(l => l.Code.StartsWith(typed, StringComparison.Ordinal)).ToList();
        var byName = All.Where(l => !byCode.Contains(l) && NameWords(l.Name).Any(w => w.StartsWith(typed, StringComparison.OrdinalIgnoreCase)));
        return byCode.Concat(byName).ToList();
    }

    private static IEnumerable<string> NameWords(string name) =>
        name.Split([' ', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries);
}
