package org.sakshi.storage;

import org.sakshi.core.InputException;
import org.sakshi.core.SakshiException;

/** Finds a lab server by the name a case folder's {@code server-case.json} gives (the workstation's settings). */
@FunctionalInterface
public interface ServerDirectory {
    /** No server is known: opening a server case says how to add one. */
    ServerDirectory NONE = name -> {
        throw new InputException("this case is kept on the lab server '" + name + "', which this workstation does not"
                + " know; add it with 'sakshi server add " + name + " --db postgresql://host:port/database --vault DIR'");
    };

    /** The server of that name; InputException naming what to do when it is unknown. */
    ServerConfig server(String name) throws SakshiException;
}
