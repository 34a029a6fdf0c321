using System.Text;

namespace FeedHarvester.Tests.Decoding;

internal static class CodePages
{
    static CodePages() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1251 => Encoding.GetEncoding("windows-1251");
}
