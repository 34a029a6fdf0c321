using System.Runtime.CompilerServices;

namespace FeedHarvester.Local;

/// <summary>One line of the output file: where it starts, how long it is (without the newline) and its bytes.</summary>
/// <param name="Bytes">The line without its newline; empty when <paramref name="TooLong"/>. Valid only until the next line is read.</param>
/// <param name="Complete">False for a last line with no newline after it (torn by an interrupted write).</param>
/// <param name="TooLong">Longer than the reader's limit: skipped to its newline rather than held in memory.</param>
internal readonly record struct OutputLine(long Offset, long Length, ReadOnlyMemory<byte> Bytes, bool Complete, bool TooLong);
