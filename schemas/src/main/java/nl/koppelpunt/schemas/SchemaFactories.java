package nl.koppelpunt.schemas;

import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.ClasspathSchemaLoader;
import com.networknt.schema.resource.DisallowSchemaLoader;

/**
 * Builds the networknt factory and configuration that every contract is compiled with.
 *
 * <p>Three choices matter: the 2020-12 dialect is extended with the {@code bsn} format;
 * {@code format} is an assertion (in 2020-12 it is only an annotation by default, which would let
 * "08-11-1975" through as a date); and the contracts' {@code $id}s are mapped to this jar's
 * classpath with every other remote IRI refused, so compiling a schema never touches the network.
 */
final class SchemaFactories {

    private SchemaFactories() {
    }

    /** A factory that resolves {@code https://koppelpunt.nl/contracten/v1/...} from the classpath only. */
    static JsonSchemaFactory classpathFactory() {
        ClassLoader loader = SchemaFactories.class.getClassLoader();
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
                .metaSchema(koppelpuntDialect())
                .schemaMappers(mappers -> mappers.mapPrefix(ContractCatalog.ID_BASE,
                        "classpath:" + ContractCatalog.RESOURCE_BASE))
                .schemaLoaders(loaders -> loaders
                        .add(new ClasspathSchemaLoader(() -> loader))
                        // Anything that is not on the classpath is a mistake in a contract, not a reason to go online.
                        .add(DisallowSchemaLoader.getInstance())));
    }

    /** The 2020-12 meta-schema with the same IRI, plus the {@code bsn} format. */
    static JsonMetaSchema koppelpuntDialect() {
        return JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                .format(new BsnFormat())
                .build();
    }

    /** Format assertions on, JSON pointers as instance locations, all violations reported. */
    static SchemaValidatorsConfig config() {
        return SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .pathType(PathType.JSON_POINTER)
                .failFast(false)
                .build();
    }
}
