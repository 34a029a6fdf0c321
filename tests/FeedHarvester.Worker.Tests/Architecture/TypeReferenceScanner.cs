using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace FeedHarvester.Tests.Architecture;

/// <summary>
/// Every type each type of an assembly refers to: its base type and interfaces, generic constraints, the signatures of
/// its fields, methods, properties and events, its attributes, and what its method bodies name (locals, caught
/// exceptions, and each type, method or field an instruction uses). Read from the file's metadata, so nothing is loaded.
/// Constants are copied into the code that reads them and leave no reference, so a use of another namespace's
/// constants alone is not seen.
/// </summary>
internal sealed class TypeReferenceScanner
{
    private readonly PEReader _pe;
    private readonly MetadataReader _reader;
    private readonly List<(TypeName From, TypeName To)> _found = [];
    private TypeName _current;

    private TypeReferenceScanner(PEReader pe)
    {
        _pe = pe;
        _reader = pe.GetMetadataReader();
    }

    /// <summary>Pairs of (referring type, referred type), both reduced to their outermost declaring type.</summary>
    public static IReadOnlyList<(TypeName From, TypeName To)> Scan(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var scanner = new TypeReferenceScanner(pe);
        foreach (var handle in scanner._reader.TypeDefinitions)
        {
            scanner.ScanType(handle);
        }

        return scanner._found;
    }

    private void ScanType(TypeDefinitionHandle handle)
    {
        _current = TypeName.Of(_reader, handle);
        var type = _reader.GetTypeDefinition(handle);
        var signatures = new SignatureTypeCollector(_reader, Add);
        Entity(type.BaseType);
        foreach (var implementation in type.GetInterfaceImplementations())
        {
            Entity(_reader.GetInterfaceImplementation(implementation).Interface);
        }

        GenericConstraints(type.GetGenericParameters());
        Attributes(type.GetCustomAttributes());
        foreach (var fieldHandle in type.GetFields())
        {
            var field = _reader.GetFieldDefinition(fieldHandle);
            _ = field.DecodeSignature(signatures, null);
            Attributes(field.GetCustomAttributes());
        }

        foreach (var propertyHandle in type.GetProperties())
        {
            var property = _reader.GetPropertyDefinition(propertyHandle);
            _ = property.DecodeSignature(signatures, null);
            Attributes(property.GetCustomAttributes());
        }

        foreach (var eventHandle in type.GetEvents())
        {
            Entity(_reader.GetEventDefinition(eventHandle).Type);
        }

        foreach (var methodHandle in type.GetMethods())
        {
            Method(_reader.GetMethodDefinition(methodHandle), signatures);
        }
    }

    private void Method(MethodDefinition method, SignatureTypeCollector signatures)
    {
        _ = method.DecodeSignature(signatures, null);
        GenericConstraints(method.GetGenericParameters());
        Attributes(method.GetCustomAttributes());
        foreach (var parameter in method.GetParameters())
        {
            Attributes(_reader.GetParameter(parameter).GetCustomAttributes());
        }

        if (method.RelativeVirtualAddress == 0)
        {
            return;
        }

        var body = _pe.GetMethodBody(method.RelativeVirtualAddress);
        if (!body.LocalSignature.IsNil)
        {
            _ = _reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(signatures, null);
        }

        foreach (var region in body.ExceptionRegions)
        {
            Entity(region.CatchType);
        }

        foreach (var token in IlTokens.Of(body))
        {
            Entity(token);
        }
    }

    private void GenericConstraints(GenericParameterHandleCollection parameters)
    {
        foreach (var parameter in parameters)
        {
            foreach (var constraint in _reader.GetGenericParameter(parameter).GetConstraints())
            {
                Entity(_reader.GetGenericParameterConstraint(constraint).Type);
            }
        }
    }

    private void Attributes(CustomAttributeHandleCollection attributes)
    {
        foreach (var attribute in attributes)
        {
            Entity(_reader.GetCustomAttribute(attribute).Constructor);
        }
    }

    private void Entity(EntityHandle handle)
    {
        if (handle.IsNil)
        {
            return;
        }

        var signatures = new SignatureTypeCollector(_reader, Add);
        switch (handle.Kind)
        {
            case HandleKind.TypeDefinition:
                Add(TypeName.Of(_reader, (TypeDefinitionHandle)handle));
                break;
            case HandleKind.TypeReference:
                Add(TypeName.Of(_reader, (TypeReferenceHandle)handle));
                break;
            case HandleKind.TypeSpecification:
                signatures.Collect((TypeSpecificationHandle)handle);
                break;
            case HandleKind.MethodDefinition:
                var method = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                Add(TypeName.Of(_reader, method.GetDeclaringType()));
                _ = method.DecodeSignature(signatures, null);
                break;
            case HandleKind.FieldDefinition:
                var field = _reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                Add(TypeName.Of(_reader, field.GetDeclaringType()));
                _ = field.DecodeSignature(signatures, null);
                break;
            case HandleKind.MemberReference:
                MemberReference((MemberReferenceHandle)handle, signatures);
                break;
            case HandleKind.MethodSpecification:
                var specification = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                Entity(specification.Method);
                _ = specification.DecodeSignature(signatures, null);
                break;
            case HandleKind.StandaloneSignature:
                var standalone = _reader.GetStandaloneSignature((StandaloneSignatureHandle)handle);
                if (standalone.GetKind() == StandaloneSignatureKind.Method)
                {
                    _ = standalone.DecodeMethodSignature(signatures, null);
                }

                break;
        }
    }

    private void MemberReference(MemberReferenceHandle handle, SignatureTypeCollector signatures)
    {
        var member = _reader.GetMemberReference(handle);
        if (member.Parent.Kind != HandleKind.ModuleReference)
        {
            Entity(member.Parent);
        }

        if (member.GetKind() == MemberReferenceKind.Method)
        {
            _ = member.DecodeMethodSignature(signatures, null);
        }
        else
        {
            _ = member.DecodeFieldSignature(signatures, null);
        }
    }

    private void Add(TypeName to)
    {
        if (to != _current)
        {
            _found.Add((_current, to));
        }
    }
}
