package org.kzarchive.reading;

import org.kzarchive.system.PublicAddress;

import org.springframework.stereotype.Component;

/** Absolute addresses for canonical and alternate links: the archive's public address, never the request's. */
@Component("pageAddresses")
public class PageAddresses {

    private final PublicAddress publicAddress;

    PageAddresses(PublicAddress publicAddress) {
        this.publicAddress = publicAddress;
    }

    /** e.g. https://archive.example.org (archive.public-url) */
    public String base() {
        return publicAddress.base();
    }
}
