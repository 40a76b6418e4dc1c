package org.opdqueue.display;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A service whose waiting count and calls a board shows. */
@Entity
@Table(name = "board_service")
@IdClass(BoardService.Key.class)
public class BoardService extends PanacheEntityBase {

    @Id
    @Column(name = "board_id")
    public Long boardId;

    @Id
    @Column(name = "service_id")
    public Long serviceId;

    public String facility;

    public static BoardService of(String facility, Long boardId, Long serviceId) {
        BoardService link = new BoardService();
        link.facility = facility;
        link.boardId = boardId;
        link.serviceId = serviceId;
        return link;
    }

    public static class Key implements Serializable {
        public Long boardId;
        public Long serviceId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(boardId, k.boardId) && Objects.equals(serviceId, k.serviceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(boardId, serviceId);
        }
    }
}
