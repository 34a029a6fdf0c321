using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace FeedHarvester.Tests.Architecture;

/// <summary>
/// Decodes a signature (field, method, local variables, type specification) and records every named type in it,
/// generic arguments, array elements and modifiers included. The decoded value itself is of no use, so it is a dummy.
/// </summary>
internal sealed class SignatureTypeCollector(MetadataReader reader, Action<TypeName> found)
    : ISignatureTypeProvider<bool, object?>
{
    public bool GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        found(TypeName.Of(metadata, handle));
        return true;
    }

    public bool GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind)
    {
        found(TypeName.Of(metadata, handle));
        return true;
    }

    public bool GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle,
        byte rawTypeKind) => metadata.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    public bool GetGenericInstantiation(bool genericType, ImmutableArray<bool> typeArguments) => true;

    public bool GetArrayType(bool elementType, ArrayShape shape) => true;

    public bool GetSZArrayType(bool elementType) => true;

    public bool GetByReferenceType(bool elementType) => true;

    public bool GetPointerType(bool elementType) => true;

    public bool GetPinnedType(bool elementType) => true;

    public bool GetModifiedType(bool modifier, bool unmodifiedType, bool isRequired) => true;

    public bool GetFunctionPointerType(MethodSignature<bool> signature) => true;

    public bool GetGenericMethodParameter(object? genericContext, int index) => true;

    public bool GetGenericTypeParameter(object? genericContext, int index) => true;

    public bool GetPrimitiveType(PrimitiveTypeCode typeCode) => true;

    public void Collect(TypeSpecificationHandle handle) => _ = reader.GetTypeSpecification(handle).DecodeSignature(this, null);
}
