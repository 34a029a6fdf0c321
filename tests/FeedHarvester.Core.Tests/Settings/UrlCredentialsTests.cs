using FeedHarvester.Settings;

namespace FeedHarvester.Tests.Settings;

public sealed class UrlCredentialsTests
{
    [Theory]
    [InlineData("http://user:secret@proxy:3128", "http://***@proxy:3128")]
    [InlineData("http://user:se@cret@proxy:3128/x?a=b", "http://***@proxy:3128/x?a=b")]
    [InlineData("user:secret@proxy:3128", "***@proxy:3128")]
    [InlineData("http://proxy:3128", "http://proxy:3128")]
    [InlineData("http://proxy:3128/?mail=a@b", "http://proxy:3128/?mail=a@b")]
    [InlineData("Bot/1.0 (+mailto:bot@example.org)", "Bot/1.0 (+mailto:bot@example.org)")]
    [InlineData("someone@example.org", "someone@example.org")]
    [InlineData("", "")]
    public void Redact_UserInformationOfAUrl_MaskedAndOtherTextAsWritten(string text, string expected)
    {
        Assert.Equal(expected, UrlCredentials.Redact(text));
    }
}
