package org.ethnicunity.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** 民族团结进步示范单位评审平台: nomination, annual review, re-inspection and exit on Camunda 7. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DemonstrationUnitsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DemonstrationUnitsApplication.class, args);
    }
}
