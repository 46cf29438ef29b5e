import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, setCsrfToken, setUnauthorizedHandler } from './api/client';
import { type SessionUser, staffApi } from './api/staff';

type AuthState = {
  /** undefined while the session is being checked, null when signed out. */
  user: SessionUser | null | undefined;
  can: (permission: string) => boolean;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
};

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  const signOutLocally = useCallback(() => {
    setCsrfToken(null);
    setUser(null);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(signOutLocally);
    staffApi.auth
      .me()
      .then((session) => {
        setCsrfToken(session.csrfToken);
        setUser(session.user);
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) console.error(error);
        signOutLocally();
      });
    return () => setUnauthorizedHandler(null);
  }, [signOutLocally]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await staffApi.auth.login(username, password);
    setCsrfToken(session.csrfToken);
    setUser(session.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await staffApi.auth.logout();
    } finally {
      signOutLocally();
    }
  }, [signOutLocally]);

  const value = useMemo<AuthState>(
    () => ({
      user,
      can: (permission) => user?.permissions.includes(permission) ?? false,
      login,
      logout,
    }),
    [user, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}
