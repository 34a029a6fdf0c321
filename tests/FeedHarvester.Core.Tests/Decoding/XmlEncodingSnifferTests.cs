using System.Text;
using FeedHarvester.Decoding;

namespace FeedHarvester.Tests.Decoding;

/// <summary>XML 1.0 Appendix F, row by row, plus the same zero patterns around a first character other than "&lt;?".</summary>
public sealed class XmlEncodingSnifferTests
{
    [Theory]
    [InlineData(new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x3C }, 12001, 4, "1234")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00, 0x00, 0x00 }, 12000, 4, "4321")]
    [InlineData(new byte[] { 0x00, 0x00, 0xFF, 0xFE, 0x00, 0x00, 0x3C, 0x00 }, 12001, 4, "2143")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x3C, 0x00, 0x00 }, 12001, 4, "3412")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x3C }, 1201, 2, null)]
    [InlineData(new byte[] { 0xFF, 0xFE, 0x3C, 0x00 }, 1200, 2, null)]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x3C }, 65001, 3, null)]
    [InlineData(new byte[] { 0x00, 0x00, 0x00, 0x3C }, 12001, 0, "1234")]
    [InlineData(new byte[] { 0x3C, 0x00, 0x00, 0x00 }, 12000, 0, "4321")]
    [InlineData(new byte[] { 0x00, 0x00, 0x3C, 0x00 }, 12001, 0, "2143")]
    [InlineData(new byte[] { 0x00, 0x3C, 0x00, 0x00 }, 12001, 0, "3412")]
    [InlineData(new byte[] { 0x00, 0x3C, 0x00, 0x3F }, 1201, 0, null)]
    [InlineData(new byte[] { 0x3C, 0x00, 0x3F, 0x00 }, 1200, 0, null)]
    [InlineData(new byte[] { 0x3C, 0x00, 0x21, 0x00 }, 1200, 0, null)]
    [InlineData(new byte[] { 0x00, 0x20, 0x00, 0x3C }, 1201, 0, null)]
    [InlineData(new byte[] { 0x4C, 0x6F, 0xA7, 0x94 }, 37, 0, null)]
    public void Sniff_FirstFourBytes_GiveTheEncoding(byte[] first, int codePage, int bomLength, string? octets)
    {
        var sniffed = XmlEncodingSniffer.Sniff(first);

        Assert.NotNull(sniffed);
        Assert.Equal(codePage, sniffed.Encoding.CodePage);
        Assert.Equal(bomLength, sniffed.BomLength);
        Assert.Equal(octets, sniffed.Octets);
    }

    [Theory]
    [InlineData(new byte[] { 0x3C, 0x3F, 0x78, 0x6D })]
    [InlineData(new byte[] { 0x3C, 0x72, 0x73, 0x73 })]
    [InlineData(new byte[] { 0x3C, 0x00 })]
    [InlineData(new byte[] { })]
    public void Sniff_AsciiCompatibleOrTooShort_LeavesItToTheDeclarations(byte[] first) => Assert.Null(XmlEncodingSniffer.Sniff(first));

    [Theory]
    [InlineData("2143", new byte[] { 1, 0, 3, 2 })]
    [InlineData("3412", new byte[] { 2, 3, 0, 1 })]
    public void Reorder_UnusualOctetOrder_BecomesBigEndian(string octets, byte[] order)
    {
        var bigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("<rss>Ω😀</rss>");
        var stored = bigEndian.Chunk(4).SelectMany(c => order.Select(i => c[i])).ToArray();

        Assert.Equal(bigEndian, XmlEncodingSniffer.Reorder(stored, octets));
    }
}
