using System.Buffers;
using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace FeedHarvester.Html;

/// <summary>
/// Plain text of HTML, every rendering rule in one place (golden fixtures in tests TestData/text): block elements
/// (headings, paragraphs, list items, table cells, divs) become paragraphs separated by a blank line, so adjacent
/// blocks never glue; one &lt;br&gt; is a line break, two end a paragraph; whitespace runs collapse to one space;
/// ruby annotations (rt, rp) are left out; soft hyphens and zero-width characters are removed; entities arrive
/// decoded from the parser.
/// </summary>
internal static class HtmlText
{
    /// <summary>
    /// Characters that are invisible in rendered text and only split words in plain text: soft hyphen, zero-width
    /// space, word joiner, zero-width no-break space (BOM). Not the zero-width (non-)joiners, which change how
    /// Persian, Indic scripts and emoji sequences read.
    /// </summary>
    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u00AD\u200B\u2060\uFEFF");

    // One parser per thread: AngleSharp does not promise a parser is safe to share between threads.
    private static readonly ThreadLocal<HtmlParser> Parser = new(() => new HtmlParser(new HtmlParserOptions
    {
        IsScripting = false,
        SkipComments = true,
        SkipScriptText = true,
        SkipRawText = true,
        DisableElementPositionTracking = true,
    }));

    /// <summary>Plain text of an HTML fragment; entities decoded, scripts and styles dropped.</summary>
    public static string ToPlainText(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (html.Length == 0)
        {
            return "";
        }

        // Markup too deep or too large to be a tree is still text: its words are kept, its structure is not.
        if (MarkupCensus.CheckHtml(html) != MarkupExcess.None)
        {
            return MarkupStripper.ToText(html);
        }

        var document = Parser.Value!.ParseDocument(html);
        if (document.Body is null)
        {
            return "";
        }

        return DomShape.Check(document.Body) == MarkupExcess.None ? FromNode(document.Body) : MarkupStripper.ToText(html);
    }

    /// <summary>
    /// Number of words: runs of letters, digits, marks and underscores (the Unicode \w of most engines),
    /// so "don't" is two words and "2019" is one.
    /// </summary>
    public static int CountWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var count = 0;
        var inWord = false;
        foreach (var rune in text.EnumerateRunes())
        {
            var isWord = IsWordRune(rune);
            if (isWord && !inWord)
            {
                count++;
            }

            inWord = isWord;
        }

        return count;
    }

    private static bool IsWordRune(Rune rune)
    {
        if (rune.Value == '_')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark => true,
            _ => false,
        };
    }

    /// <summary>
    /// Plain text of a DOM subtree (the extractor's ContentText); <paramref name="step"/> is called for each node
    /// visited, so a caller with a time allowance can count the walk against it.
    /// </summary>
    internal static string FromNode(INode root, Action? step = null)
    {
        var writer = new ParagraphWriter(step);
        writer.Write(root);
        return writer.ToString();
    }

    /// <summary>Accumulates paragraphs while walking the tree (its own stack, children by index); one instance per call.</summary>
    private sealed class ParagraphWriter(Action? step)
    {
        private readonly StringBuilder _text = new();
        private readonly StringBuilder _line = new();
        private readonly Stack<(INode Parent, int Next, bool Block)> _open = new();
        private int _pendingBreaks;

        public void Write(INode root)
        {
            _open.Push((root, 0, false));
            while (_open.TryPop(out var frame))
            {
                var children = frame.Parent.ChildNodes;
                if (frame.Next >= children.Length)
                {
                    if (frame.Block)
                    {
                        EndParagraph();
                    }

                    continue;
                }

                _open.Push(frame with { Next = frame.Next + 1 });
                step?.Invoke();
                switch (children[frame.Next])
                {
                    case IText text:
                        AppendText(text.Data);
                        break;
                    case IElement element:
                        Enter(element);
                        break;
                }
            }
        }

        public override string ToString()
        {
            EndParagraph();
            return _text.ToString();
        }

        private void Enter(IElement element)
        {
            if (HtmlElements.NonContent.Contains(element.LocalName) || HtmlElements.RubyAnnotation.Contains(element.LocalName))
            {
                return;
            }

            if (element.LocalName == "br")
            {
                LineBreak();
                return;
            }

            var block = HtmlElements.Block.Contains(element.LocalName);
            if (block)
            {
                EndParagraph();
            }

            _open.Push((element, 0, block));
        }

        private void AppendText(string data)
        {
            foreach (var ch in data)
            {
                if (Invisible.Contains(ch))
                {
                    continue;
                }

                if (char.IsWhiteSpace(ch))
                {
                    if (_line.Length > 0 && _line[^1] is not (' ' or '\n'))
                    {
                        _ = _line.Append(' ');
                    }

                    continue;
                }

                FlushBreaks();
                _ = _line.Append(ch);
            }
        }

        /// <summary>One &lt;br&gt; is a line break; two in a row end a paragraph.</summary>
        private void LineBreak()
        {
            TrimLineEnd();
            if (_line.Length == 0)
            {
                return;
            }

            _pendingBreaks++;
            if (_pendingBreaks >= 2)
            {
                EndParagraph();
            }
        }

        private void FlushBreaks()
        {
            if (_pendingBreaks == 1 && _line.Length > 0)
            {
                TrimLineEnd();
                _ = _line.Append('\n');
            }

            _pendingBreaks = 0;
        }

        private void EndParagraph()
        {
            _pendingBreaks = 0;
            TrimLineEnd();
            var start = 0;
            while (start < _line.Length && _line[start] == ' ')
            {
                start++;
            }

            if (start < _line.Length)
            {
                if (_text.Length > 0)
                {
                    _ = _text.Append("\n\n");
                }

                _ = _text.Append(_line, start, _line.Length - start);
            }

            _ = _line.Clear();
        }

        private void TrimLineEnd()
        {
            while (_line.Length > 0 && _line[^1] == ' ')
            {
                _line.Length--;
            }
        }
    }
}
