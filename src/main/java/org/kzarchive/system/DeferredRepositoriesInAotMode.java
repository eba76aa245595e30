package org.kzarchive.system;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.data.repository.Repository;
import org.springframework.stereotype.Component;

/**
 * Spring Data's deferred bootstrap ({@code spring.data.jpa.repositories.bootstrap-mode=deferred}) in
 * Spring's AOT mode too. That mode lets Hibernate start on another thread while the rest of the
 * application is made: every bean given a repository gets a proxy that finds the repository when it
 * is first used, and the repositories are made when the context is ready. Spring Data arranges this
 * while it reads the repository declarations, which AOT mode does not do at start (the declarations
 * were read at build time): there each repository was made for the first bean given it, and the
 * start waited for Hibernate at that point. Here the same two steps are taken in AOT mode.
 */
@Component
class DeferredRepositoriesInAotMode implements BeanFactoryPostProcessor, ApplicationListener<ContextRefreshedEvent> {

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (AotDetector.useGeneratedArtifacts() && beanFactory instanceof DefaultListableBeanFactory factory) {
            factory.setAutowireCandidateResolver(new RepositoriesFoundWhenFirstUsed());
        }
    }

    /** As Spring Data does: every repository is made (and its queries checked) before the start ends. */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        if (AotDetector.useGeneratedArtifacts()) {
            event.getApplicationContext().getBeansOfType(Repository.class);
        }
    }

    private static final class RepositoriesFoundWhenFirstUsed extends ContextAnnotationAutowireCandidateResolver {
        @Override
        protected boolean isLazy(DependencyDescriptor descriptor) {
            return super.isLazy(descriptor) || Repository.class.isAssignableFrom(descriptor.getDependencyType());
        }
    }
}
