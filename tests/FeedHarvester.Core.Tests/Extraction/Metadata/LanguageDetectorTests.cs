using FeedHarvester.Extraction.Metadata;

namespace FeedHarvester.Tests.Extraction.Metadata;

public sealed class LanguageDetectorTests
{
    [Theory]
    [InlineData("en", "The council said that the new bridge will be open for traffic by the end of the year, and that the work has been going well since it started in the spring with the help of workers from the city.")]
    [InlineData("de", "Der Stadtrat hat am Dienstag beschlossen, dass die neue Brücke bis zum Ende des Jahres für den Verkehr geöffnet wird, und die Arbeiten laufen nach Angaben der Stadt bisher sehr gut.")]
    [InlineData("es", "El ayuntamiento dijo que el nuevo puente estará abierto al tráfico antes del final del año, y que las obras han avanzado muy bien desde que comenzaron en la primavera con los trabajadores de la ciudad.")]
    [InlineData("fr", "Le conseil municipal a indiqué que le nouveau pont sera ouvert à la circulation avant la fin de l'année, et que les travaux se sont bien déroulés depuis leur début au printemps avec les ouvriers de la ville.")]
    [InlineData("it", "Il consiglio comunale ha detto che il nuovo ponte sarà aperto al traffico entro la fine dell'anno, e che i lavori sono andati molto bene da quando sono iniziati in primavera con gli operai della città.")]
    [InlineData("pt", "A câmara municipal disse que a nova ponte vai estar aberta ao trânsito até ao fim do ano, e que as obras correram muito bem desde que começaram na primavera com os trabalhadores da cidade.")]
    [InlineData("nl", "De gemeenteraad heeft gezegd dat de nieuwe brug voor het einde van het jaar open gaat voor het verkeer, en dat het werk tot nu toe goed is verlopen sinds het in het voorjaar begon met arbeiders van de stad.")]
    public void Detect_ProseInListedLanguage_ReturnsItsTag(string expected, string text)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
    }

    [Fact]
    public void Detect_FewerThanMinWords_ReturnsNull()
    {
        Assert.Null(LanguageDetector.Detect("The council said that the bridge will open soon."));
    }

    [Fact]
    public void Detect_LanguageWithoutStopWordList_ReturnsNull()
    {
        // Finnish shares no function words with the listed languages: unsure, so no tag.
        Assert.Null(LanguageDetector.Detect("Kaupunginvaltuusto päätti tiistaina että uusi silta avataan liikenteelle vuoden loppuun mennessä ja työt ovat edenneet hyvin keväästä lähtien kaupungin työntekijöiden avulla vaikka sää on ollut huono."));
    }
}
