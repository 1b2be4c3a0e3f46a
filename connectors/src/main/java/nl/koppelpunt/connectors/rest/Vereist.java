package nl.koppelpunt.connectors.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import nl.koppelpunt.connectors.autorisatie.Operatie;

/**
 * The operation of the authorisation matrix that a REST endpoint performs. {@link AutorisatieInterceptor} refuses
 * the caller (403) unless its role may perform it; an endpoint under {@code /api} without this annotation is refused
 * to everyone, so a new endpoint cannot be forgotten.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Vereist {

    Operatie value();

    /**
     * The endpoint shows or changes everybody's resources and cannot narrow them to the caller's own: the caller's
     * cell must be {@code alle}, {@code eigen} is not enough.
     */
    boolean alle() default false;
}
