using PhraseTms.HelpGen;

namespace PhraseTms.Tests.Help;

public sealed class MarkdownTests
{
    [Fact]
    public void Headings_inside_code_fences_do_not_cut_sections()
    {
        var doc = CommandDocument.Parse("""
            # Get-X

            ## Examples

            ### Example 1: A comment that looks like a heading
            ```powershell
            # not a heading
            Get-X
            ```
            Remarks.
            """, "Get-X.md");
        var example = Assert.Single(doc.Examples);
        Assert.Equal("# not a heading\nGet-X", example.Code);
        Assert.Equal("Remarks.", example.Remarks);
        Assert.Equal(5, example.Line);
        Assert.Empty(doc.UnknownSections);
    }

    [Fact]
    public void Paragraphs_join_lines_keep_lists_and_code_and_drop_inline_marks()
    {
        var paragraphs = MarkdownBlocks.Parse("""
            One **bold** and `code`
            and a [link](https://example.com) and a [cmdlet](Get-X.md).

            - first
            - second

            ```powershell
            Get-X `
                -Y
            ```
            """);
        Assert.Equal(
            [
                new(MarkdownBlocks.Kind.Text, "One bold and code and a link (https://example.com) and a cmdlet."),
                new(MarkdownBlocks.Kind.List, "- first\n- second"),
                new(MarkdownBlocks.Kind.Code, "Get-X `\n    -Y"),
            ],
            paragraphs);
    }

    [Fact]
    public void An_about_topic_is_written_in_the_help_text_layout()
    {
        var text = AboutTopicWriter.Write("""
            # about_X

            ## Short description
            Short.

            ## Long description
            A paragraph long enough to be wrapped at eighty columns, because it goes on and on with more words than fit.

            ### Sub part
            - an item
            ```powershell
                Get-X   # code keeps its spacing
            ```
            """);
        Assert.Equal("""
            TOPIC
                about_X

            SHORT DESCRIPTION
                Short.

            LONG DESCRIPTION
                A paragraph long enough to be wrapped at eighty columns, because it goes on
                and on with more words than fit.

                Sub part
                --------
                - an item

                    Get-X   # code keeps its spacing

            """, text);
    }
}
