package org.sakshi.ui.common;


/**
 * The services the workstation's windows use, wired by the application ({@code org.sakshi.app}) and
 * handed down in the {@link Workbench}. Only views read it, to give each view model the few services
 * it uses by constructor; view models never see this interface. The application makes a service at
 * its first use (the start window needs only a few), so an accessor may be slow once; a service
 * that cannot be made throws from its accessor, each time it is asked for.
 */
public interface UiServices extends org.sakshi.service.Services {
}
