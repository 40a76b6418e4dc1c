package org.opdqueue.display;

import java.io.InputStream;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** The board app at a stable address per board ({@code /board/3}); the app reads its board id from the path. */
@Path("/board")
public class BoardPage {

    @GET
    @Path("{boardId: [0-9]+}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public InputStream page(@PathParam("boardId") long boardId) {
        return Thread.currentThread().getContextClassLoader().getResourceAsStream("META-INF/resources/board/index.html");
    }
}
