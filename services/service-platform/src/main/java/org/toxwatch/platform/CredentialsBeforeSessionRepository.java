package org.toxwatch.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Predicate;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Where a request's sign-in comes from: a request carrying credentials of the verified scheme is judged by those
 * credentials alone, never by the browser session that may ride along. Without this, Basic credentials naming the
 * session's user are not checked at all (Spring keeps the session's sign-in), so {@code Basic clinician:wrong}
 * plus the clinician's cookie would pass as "valid Basic credentials" and skip CSRF.
 */
final class CredentialsBeforeSessionRepository implements SecurityContextRepository {

    private final RequestAttributeSecurityContextRepository thisRequest =
            new RequestAttributeSecurityContextRepository();
    private final SecurityContextRepository sessionOrRequest =
            new DelegatingSecurityContextRepository(thisRequest, new HttpSessionSecurityContextRepository());
    private final Predicate<HttpServletRequest> carriesCredentials;

    CredentialsBeforeSessionRepository(Predicate<HttpServletRequest> carriesCredentials) {
        this.carriesCredentials = carriesCredentials;
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        return carriesCredentials.test(request)
                ? thisRequest.loadDeferredContext(request)
                : sessionOrRequest.loadDeferredContext(request);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return carriesCredentials.test(holder.getRequest())
                ? thisRequest.loadContext(holder)
                : sessionOrRequest.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        sessionOrRequest.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return sessionOrRequest.containsContext(request);
    }
}
