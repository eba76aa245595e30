package org.kzarchive.system;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;

/** Serves figure images from the content folder and speaks the language of the page being read. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ArchiveProperties properties;

    WebConfiguration(ArchiveProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // figure images live beside the texts: content/<language>/images/ and content/images/
        registry.addResourceHandler("/media/**")
                .addResourceLocations(properties.contentDir().toAbsolutePath().normalize().toUri().toString())
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    /** The interface language follows the translation in the address (/en/… in English); Italian elsewhere. */
    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                if (request.getAttribute(PageLanguage.ATTRIBUTE) instanceof Locale chosen) {
                    return chosen;
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                String first = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
                if (first.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                    return Locale.forLanguageTag(first);
                }
                // from the address only: reading a form body here would parse uploads, even oversized ones
                String query = request.getQueryString();
                String lang = query == null ? null
                        : UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("lang");
                return lang != null && lang.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*") ? Locale.forLanguageTag(lang) : Locale.ITALIAN;
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("The language comes from the address");
            }
        };
    }
}
