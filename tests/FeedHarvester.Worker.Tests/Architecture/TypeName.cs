using System.Reflection.Metadata;

namespace FeedHarvester.Tests.Architecture;

/// <summary>
/// A type as the namespace graph sees it: a nested type (a closure, an iterator, a state machine) counts as the
/// outermost type that declares it, since that is the type a reader of the source sees.
/// </summary>
internal readonly record struct TypeName(string Namespace, string Name)
{
    public string FullName => Namespace.Length == 0 ? Name : $"{Namespace}.{Name}";

    public static TypeName Of(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        while (type.IsNested)
        {
            type = reader.GetTypeDefinition(type.GetDeclaringType());
        }

        return new TypeName(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    public static TypeName Of(MetadataReader reader, TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        while (type.ResolutionScope.Kind == HandleKind.TypeReference)
        {
            type = reader.GetTypeReference((TypeReferenceHandle)type.ResolutionScope);
        }

        return new TypeName(reader.GetString(type.Namespace), reader.GetString(type.Name));
    }

    public override string ToString() => FullName;
}
