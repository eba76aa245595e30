package org.kzarchive.reading;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute addresses for canonical and alternate links, from the address the reader used. */
@Component("pageAddresses")
public class PageAddresses {

    /** scheme, host and port (and context path) of the current request, e.g. http://localhost:8080 */
    public String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
