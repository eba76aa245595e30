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

    /** The interface language: see {@link InterfaceLanguage}. */
    @Bean
    LocaleResolver localeResolver() {
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return InterfaceLanguage.of(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                throw new UnsupportedOperationException("The language comes from the address");
            }
        };
    }
}
