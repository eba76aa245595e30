package org.kzarchive.system;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kzarchive.archive.Languages;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/** Serves figure images from the content folder and speaks the language of the page being read. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    private final ArchiveProperties properties;

    WebConfiguration(ArchiveProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // figure images live beside the texts: content/<language>/images/ and content/images/; only images are served
        registry.addResourceHandler("/media/**")
                .addResourceLocations(properties.contentDir().toAbsolutePath().normalize().toUri().toString())
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
                .resourceChain(false)
                .addResolver(new ImagesOnly());
    }

    /** The content folder also holds the Markdown texts and their notes to editors: /media/** serves its images only. */
    static final class ImagesOnly extends PathResourceResolver {

        static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "gif", "webp", "avif", "svg");

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            int dot = resourcePath.lastIndexOf('.');
            String extension = dot < 0 ? "" : resourcePath.substring(dot + 1).toLowerCase(Locale.ROOT);
            return IMAGE_EXTENSIONS.contains(extension) ? super.getResource(resourcePath, location) : null;
        }
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
