using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace FeedHarvester.Deduplication.NearDuplicates;

/// <summary>
/// The MinHash signature of one text: for each of <see cref="MinHashTuning.HashCount"/> hash functions, the smallest value
/// over the text's word shingles. The share of equal positions in two signatures estimates the Jaccard similarity of their
/// shingle sets.
/// </summary>
public sealed class StorySignature
{
    private readonly uint[] _values;

    internal StorySignature(uint[] values)
    {
        if (values.Length != MinHashTuning.HashCount)
        {
            throw new ArgumentException($"A signature has {MinHashTuning.HashCount} values, not {values.Length}.", nameof(values));
        }

        _values = values;
    }

    /// <summary>Size of <see cref="ToBytes"/>: four bytes per value, little-endian.</summary>
    public const int ByteLength = MinHashTuning.HashCount * sizeof(uint);

    public ReadOnlySpan<uint> Values => _values;

    /// <summary>Estimated Jaccard similarity with <paramref name="other"/>, in [0, 1].</summary>
    public double Similarity(StorySignature other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var equal = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            if (_values[i] == other._values[i])
            {
                equal++;
            }
        }

        return (double)equal / _values.Length;
    }

    /// <summary>
    /// One key per band: the band number and a hash of its values. Two signatures share a key when a whole band agrees,
    /// which makes them candidates for a full comparison.
    /// </summary>
    public IReadOnlyList<string> BandKeys()
    {
        var keys = new string[MinHashTuning.Bands];
        var bytes = MemoryMarshal.AsBytes(_values.AsSpan());
        const int bandBytes = MinHashTuning.RowsPerBand * sizeof(uint);
        for (var band = 0; band < MinHashTuning.Bands; band++)
        {
            var hash = XxHash3.HashToUInt64(bytes.Slice(band * bandBytes, bandBytes));
            keys[band] = string.Create(CultureInfo.InvariantCulture, $"{band:x2}{hash:x16}");
        }

        return keys;
    }

    /// <summary>The values as stored: <see cref="ByteLength"/> bytes, little-endian whatever the machine.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        for (var i = 0; i < _values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(uint)), _values[i]);
        }

        return bytes;
    }

    /// <summary>Reads <see cref="ToBytes"/> back; null for bytes of another length (an index written with other tuning).</summary>
    public static StorySignature? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            return null;
        }

        var values = new uint[MinHashTuning.HashCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * sizeof(uint))..]);
        }

        return new StorySignature(values);
    }
}
