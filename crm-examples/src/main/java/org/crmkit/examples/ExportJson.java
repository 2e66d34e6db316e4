package org.crmkit.examples;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/**
 * Turns crmkit's view records into pretty JSON, the way a host would answer a data-subject access request. Ids are
 * written as their UUID text and instants in ISO-8601, rather than Jackson's defaults of {@code {"value": ...}} and
 * epoch numbers.
 */
public final class ExportJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("crmkit-ids")
                    .addSerializer(CustomerId.class, ToStringSerializer.instance)
                    .addSerializer(StaffId.class, ToStringSerializer.instance)
                    .addSerializer(PurchaseId.class, ToStringSerializer.instance)
                    .addSerializer(ProductId.class, ToStringSerializer.instance))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ExportJson() {
    }

    /**
     * @param value a record tree such as a {@code PersonalDataExport}
     * @return its JSON, indented
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
