package org.kzarchive;

import org.kzarchive.system.KeptPagesFirst;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ArchiveApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(ArchiveApplication.class);
        application.setApplicationContextFactory(KeptPagesFirst.contexts());
        application.run(args);
    }
}
