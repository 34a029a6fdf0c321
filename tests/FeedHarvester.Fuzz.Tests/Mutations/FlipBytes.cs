using CsCheck;

namespace FeedHarvester.Fuzz.Mutations;

/// <summary>
/// Overwrites <see cref="Count"/> bytes at places drawn from <see cref="Pick"/>, with bytes that mean something
/// to a decoder or a tokenizer (NUL, invalid UTF-8 lead and continuation bytes, '&lt;', '&amp;', quotes) or any byte.
/// </summary>
internal sealed record FlipBytes(int Count, uint Pick) : Mutation
{
    private static readonly char[] Telling = ['\0', '\u00FF', '\u00FE', '\u00C0', '\u0080', '\u00ED', '<', '&', '"', '\u001B', ']'];

    public override FuzzDocument Apply(FuzzDocument document)
    {
        if (document.Raw.Length == 0)
        {
            return document;
        }

        // PCG, not System.Random: its sequence for a seed is part of CsCheck's contract, so recipes replay.
        var random = new PCG(1, Pick);
        var chars = document.Raw.ToCharArray();
        for (var i = 0; i < Count; i++)
        {
            var at = (int)random.Next((uint)chars.Length);
            var choice = random.Next((uint)Telling.Length + 1);
            chars[at] = choice < Telling.Length ? Telling[choice] : (char)random.Next(256);
        }

        return document with { Raw = new string(chars) };
    }

    public override string Describe() => $"flip-bytes(x {Count}, from {Pick})";
}
