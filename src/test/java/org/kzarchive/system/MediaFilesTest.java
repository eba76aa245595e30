package org.kzarchive.system;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.kzarchive.ArchiveIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** /media/** serves the figure images of content/, and nothing else that lives there. */
@ArchiveIntegrationTest
class MediaFilesTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theMarkdownTextsAndNotesOfTheContentFolderAreNotServed() throws Exception {
        mvc.perform(get("/media/it/kazakistan-dopo-la-rivolta.md")).andExpect(status().isNotFound());
        mvc.perform(get("/media/README.md")).andExpect(status().isNotFound());
        mvc.perform(get("/media/it/KAZAKISTAN-DOPO-LA-RIVOLTA.MD")).andExpect(status().isNotFound());
    }
}
